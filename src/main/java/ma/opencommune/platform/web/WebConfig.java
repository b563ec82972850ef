package ma.opencommune.platform.web;

import java.util.List;
import ma.opencommune.platform.Lang;
import org.springframework.context.annotation.Bean;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** MVC set-up shared by every module. */
@Configuration(proxyBeanMethods = false)
class WebConfig implements WebMvcConfigurer {

    private final AnonymousPageCache anonymousPages;

    WebConfig(AnonymousPageCache anonymousPages) {
        this.anonymousPages = anonymousPages;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(anonymousPages);
    }

    @Bean
    LocaleResolver localeResolver() {
        return new PathLocaleResolver();
    }

    /** Controllers take the page language as a {@link Lang} parameter. */
    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new HandlerMethodArgumentResolver() {
            @Override
            public boolean supportsParameter(MethodParameter parameter) {
                return parameter.getParameterType() == Lang.class;
            }

            @Override
            public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest request,
                    WebDataBinderFactory binders) {
                return PathLocaleResolver.resolveLang(request.getNativeRequest(HttpServletRequest.class));
            }
        });
    }
}
