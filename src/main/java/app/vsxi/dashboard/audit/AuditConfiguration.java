package app.vsxi.dashboard.audit;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

@Configuration(proxyBeanMethods = false)
class AuditConfiguration {

	@Bean
	ChainKey auditChainKey(AuditProperties properties, Environment environment) {
		if (AuditProperties.DEMO_CHAIN_KEY.equals(properties.chainKey()) && !environment.matchesProfiles("demo")) {
			throw new IllegalStateException("vsxi.audit.chain-key is demo mode's key, which ships in the jar: "
					+ "give a key of your own, e.g. from 'openssl rand -base64 32'");
		}
		return new ChainKey(properties.chainKey());
	}

}
