package io.logisync;

import io.logisync.runtime.LogisyncConfiguration;
import org.apache.camel.main.Main;

/**
 * Starts logisync on Camel Main. {@code --demo} feeds the bundled samples into the inbox; {@code --name=value}
 * sets any property, e.g. {@code --logisync.odoo.url=https://erp.example.com}.
 */
public final class Application {

    private Application() {
    }

    public static void main(String[] args) throws Exception {
        Main main = create(args);
        main.run();
    }

    /** A configured but not yet started Camel Main, for the command line and for tests. */
    public static Main create(String... args) {
        Main main = new Main();
        main.configure().addConfiguration(new LogisyncConfiguration());
        main.setPropertyPlaceholderLocations(
                "classpath:application.properties,file:config/application.properties;optional=true");
        for (String arg : args) {
            if ("--demo".equals(arg)) {
                main.addOverrideProperty("logisync.demo.feed-samples", "true");
            } else if (arg.startsWith("--") && arg.contains("=")) {
                int split = arg.indexOf('=');
                main.addOverrideProperty(arg.substring(2, split), arg.substring(split + 1));
            } else {
                throw new IllegalArgumentException("unknown argument '" + arg
                        + "'; use --demo or --property=value");
            }
        }
        return main;
    }
}
