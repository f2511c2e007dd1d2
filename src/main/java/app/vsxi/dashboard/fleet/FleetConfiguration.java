package app.vsxi.dashboard.fleet;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class FleetConfiguration {

	@Bean
	CredentialCipher credentialCipher(FleetProperties properties) {
		return new CredentialCipher(properties.credentialKey(), properties.previousCredentialKeys());
	}

}
