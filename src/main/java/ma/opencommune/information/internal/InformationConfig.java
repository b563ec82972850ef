package ma.opencommune.information.internal;

import ma.opencommune.information.InformationRules;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds the Law 31-13 rulebook values ({@code opencommune.information.*}). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(InformationRules.class)
class InformationConfig {
}
