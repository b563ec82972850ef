package ma.opencommune.petitions.internal;

import ma.opencommune.petitions.PetitionRules;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds the petition rulebook ({@code opencommune.petitions.*}). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PetitionRules.class)
class PetitionsConfig {
}
