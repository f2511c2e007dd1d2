package app.vsxi.dashboard.fleet;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

@Configuration(proxyBeanMethods = false)
class FleetConfiguration {

	@Bean
	CredentialCipher credentialCipher(FleetProperties properties, Environment environment) {
		if (FleetProperties.DEMO_CREDENTIAL_KEY.equals(properties.credentialKey())
				&& !environment.matchesProfiles("demo")) {
			throw new IllegalStateException("vsxi.fleet.credential-key is demo mode's key, which ships in the jar: "
					+ "give a key of your own, e.g. from 'openssl rand -base64 32'");
		}
		return new CredentialCipher(properties.credentialKey(), properties.previousCredentialKeys());
	}

	@Bean
	SbcAddressPolicy sbcAddressPolicy(FleetProperties properties) {
		return new SbcAddressPolicy(properties.specialAddresses());
	}

}
