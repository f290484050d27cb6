package io.logisync;

import io.logisync.runtime.LogisyncConfiguration;
import java.time.Duration;
import org.apache.camel.CamelContext;
import org.apache.camel.main.Main;
import org.apache.logging.log4j.LogManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts logisync on Camel Main. {@code --demo} feeds the bundled samples into the inbox; {@code --name=value}
 * sets any property, e.g. {@code --logisync.odoo.url=https://erp.example.com}.
 */
public final class Application {

    private static final Logger LOG = LoggerFactory.getLogger(Application.class);

    private Application() {
    }

    public static void main(String[] args) {
        Main main = null;
        try {
            main = create(args);
            main.run();
        } catch (Throwable e) {
            exit(failedStart(main, e));
        }
    }

    /**
     * A start that failed: one ERROR line saying why (with the stack trace only when the failure is not a setting's),
     * then whatever did start is stopped, the Odoo sandbox with it; the answer is the process's exit code.
     */
    static int failedStart(Main main, Throwable failure) {
        Throwable setting = settingFailure(failure);
        if (setting != null) {
            LOG.error("logisync did not start: {}", setting.getMessage());
        } else {
            LOG.error("logisync did not start: {}", failure, failure);
        }
        if (main != null) {
            stopWithin(main, Duration.ofSeconds(20));
        }
        return 1;
    }

    /** The failure of a setting (a wrong or missing value), as Camel may wrap it; null for any other failure. */
    private static Throwable settingFailure(Throwable failure) {
        Throwable answer = null;
        for (Throwable cause = failure; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            // a parse error under a setting's own message (which names the key) says less than that message
            boolean bareParse = cause instanceof NumberFormatException && answer != null;
            if (cause instanceof org.apache.camel.PropertyBindingException) {
                // Camel's own: a camel.* setting it cannot bind (misspelt, or of the wrong type), named in its message
                return cause;
            }
            if ((cause instanceof IllegalArgumentException || cause instanceof IllegalStateException) && !bareParse) {
                answer = cause;
            }
        }
        return answer;
    }

    /** Stops Camel Main and its context (the services it holds: database pool, sandbox), waiting at most so long. */
    private static void stopWithin(Main main, Duration limit) {
        Thread stopper = new Thread(() -> {
            try {
                main.stop();
                CamelContext context = main.getCamelContext();
                if (context != null) {
                    context.stop();
                    context.close();
                }
            } catch (Exception e) {
                LOG.warn("Stopping after the failed start failed too: {}", e.toString());
            }
        }, "logisync-failed-start-stop");
        stopper.setDaemon(true);
        stopper.start();
        try {
            stopper.join(limit.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void exit(int code) {
        LogManager.shutdown();
        System.exit(code);
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
