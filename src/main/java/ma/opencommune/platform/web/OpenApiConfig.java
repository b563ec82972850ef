package ma.opencommune.platform.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The API's description at /v3/api-docs: public reads need nothing; staff routes take a personal token as Bearer. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfig {

    @Bean
    OpenAPI openCommuneApi() {
        return new OpenAPI()
                .info(new Info().title("Open Commune API").version("v1")
                        .description("Public data of the Moroccan network of open territorial collectivities. Errors are RFC 9457 "
                                + "problem details in the language of Accept-Language (ar, fr, zgh, en). Staff routes need a personal "
                                + "access token, created on the account page and sent as 'Authorization: Bearer oc_...'.")
                        .license(new License().name("Data: reuse allowed unaltered, with source and date (Law 31-13, art. 6)")))
                .components(new Components().addSecuritySchemes("bearer",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").description("Personal access token")));
    }
}
