package io.logisync.support;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Property;

/** Collects what is logged at WARN and above, under a logger name (the root logger for everything), while open. */
public final class LogCapture implements AutoCloseable {

    /** One line as logged: its level, logger, message and the name of the exception it carries, if any. */
    public record Line(Level level, String logger, String message, String thrown) {
    }

    private final List<Line> lines = new CopyOnWriteArrayList<>();
    private final org.apache.logging.log4j.core.Logger logger;
    private final AbstractAppender appender;

    private LogCapture(String loggerName) {
        this(loggerName, Level.WARN);
    }

    private LogCapture(String loggerName, Level minimum) {
        logger = (org.apache.logging.log4j.core.Logger) (loggerName == null ? LogManager.getRootLogger()
                : LogManager.getLogger(loggerName));
        appender = new AbstractAppender("capture-" + UUID.randomUUID(), null, null, true, Property.EMPTY_ARRAY) {
            @Override
            public void append(LogEvent event) {
                if (event.getLevel().isMoreSpecificThan(minimum)) {
                    lines.add(new Line(event.getLevel(), event.getLoggerName(),
                            event.getMessage().getFormattedMessage(),
                            event.getThrown() == null ? null : event.getThrown().getClass().getName()));
                }
            }
        };
        appender.start();
        logger.addAppender(appender);
    }

    /** Captures the WARN and ERROR lines of every logger. */
    public static LogCapture all() {
        return new LogCapture(null);
    }

    /** Captures the WARN and ERROR lines of one logger and those below it. */
    public static LogCapture of(String loggerName) {
        return new LogCapture(loggerName);
    }

    /** Captures the lines of one logger and those below it at {@code minimum} and above (the logger's level allowing). */
    public static LogCapture of(String loggerName, Level minimum) {
        return new LogCapture(loggerName, minimum);
    }

    public List<Line> lines() {
        return List.copyOf(lines);
    }

    /** The messages captured so far. */
    public List<String> messages() {
        return lines.stream().map(Line::message).toList();
    }

    @Override
    public void close() {
        logger.removeAppender(appender);
        appender.stop();
        ((LoggerContext) LogManager.getContext(false)).updateLoggers();
    }
}
