package ma.opencommune;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Entry point of the Open Commune platform. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class OpenCommuneApplication {

    public static void main(String[] args) {
        SpringApplication.run(OpenCommuneApplication.class, args);
    }
}
