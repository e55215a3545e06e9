package vn.province.govtrack.security;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Turns off Axon's update checker, in every profile, before Axon starts: unasked, it would send
 * "anonymous usage data" (machine and library details) to an outside host about once a minute. A
 * government system sends nothing anywhere unless its operators decide to.
 *
 * <p>Sets the JVM property {@code axoniq.update-checker.disabled=true} unless the property is already
 * set. Axon ranks the environment variable {@code AXONIQ_UPDATE_CHECKER_DISABLED} above it, so an
 * operator who wants the checker sets that variable to {@code false}.
 */
public class UpdateCheckOptOut implements EnvironmentPostProcessor {

    static final String PROPERTY = "axoniq.update-checker.disabled";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (System.getProperty(PROPERTY) == null) {
            System.setProperty(PROPERTY, "true");
        }
    }
}
