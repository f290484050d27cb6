package io.logisync.runtime;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.logisync.bus.Bus;
import io.logisync.bus.BusEndpoints;
import io.logisync.bus.EventBus;
import io.logisync.bus.KafkaBusSettings;
import io.logisync.flow.DatabaseSubjectLock;
import io.logisync.flow.JvmSubjectLock;
import io.logisync.flow.LayeredSubjectLock;
import io.logisync.flow.SubjectLock;
import io.logisync.ingress.EventValidator;
import io.logisync.ingress.IncomingEvent;
import io.logisync.store.ParkingStore;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.TypeConversionException;
import org.apache.camel.component.kafka.KafkaComponent;
import org.apache.camel.component.kafka.consumer.DefaultKafkaManualCommitFactory;
import org.apache.camel.support.TypeConverterSupport;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires what lets logisync run as several replicas: the event bus ({@code logisync.bus}, direct or Kafka) as
 * endpoint properties the routes name, and the subject lock, held in the shared database when replicas share one.
 */
public final class ScaleOutConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(ScaleOutConfiguration.class);

    private ScaleOutConfiguration() {
    }

    /** Binds {@code eventBus}, sets the bus endpoints and returns the subject lock every ordering shares. */
    public static SubjectLock configure(CamelContext camelContext, Settings settings, DataSource dataSource,
            EventValidator validator, ParkingStore parking, ObjectMapper mapper) throws Exception {
        Bus bus = Bus.parse(settings.get("logisync.bus", "direct"));
        KafkaBusSettings kafka = new KafkaBusSettings(settings.get("logisync.kafka.brokers", "localhost:9092"),
                settings.get("logisync.kafka.events-topic", "logistics.events"),
                settings.get("logisync.kafka.outbound-topic", "logistics.outbound"),
                settings.get("logisync.kafka.group-id", "logisync"), settings.getInt("logisync.kafka.consumers", 1, 1),
                settings.getInt("logisync.kafka.max-poll-records", 100, 1));
        // initial properties rank below every file and the environment, so an explicit endpoint still wins
        Map<String, String> endpoints = BusEndpoints.properties(bus, kafka);
        endpoints.forEach(camelContext.getPropertiesComponent()::addInitialProperty);
        camelContext.getTypeConverterRegistry().addTypeConverter(String.class, IncomingEvent.class,
                new EventJsonConverter(mapper));
        if (bus == Bus.KAFKA) {
            // a synchronous commit manager, so the commit the routes ask for is done before the next record
            camelContext.getComponent("kafka", KafkaComponent.class)
                    .setKafkaManualCommitFactory(new DefaultKafkaManualCommitFactory());
            LOG.info("Event bus: Kafka topic {} (group {}, {} consumer(s)); outbound events on {}",
                    kafka.eventsTopic(), kafka.groupId(), kafka.consumers(), kafka.outboundTopic());
        }
        camelContext.getRegistry().bind("eventBus", new EventBus(mapper, validator, parking));
        return subjectLock(camelContext, settings, bus, dataSource);
    }

    private static SubjectLock subjectLock(CamelContext camelContext, Settings settings, Bus bus,
            DataSource dataSource) throws Exception {
        SubjectLock local = new JvmSubjectLock(settings.getInt("logisync.ordering.stripes", 1024, 1));
        String scope = settings.get("logisync.ordering.lock", "auto").trim().toLowerCase(Locale.ROOT);
        HikariDataSource main = (HikariDataSource) dataSource;
        boolean postgres = main.getJdbcUrl().startsWith("jdbc:postgresql:");
        boolean shared = switch (scope) {
            case "jvm" -> false;
            case "database" -> true;
            // an embedded H2 file is open in one JVM only; PostgreSQL and a Kafka bus mean replicas may share it
            case "auto" -> postgres || bus == Bus.KAFKA;
            default -> throw new IllegalStateException("logisync.ordering.lock must be auto, jvm or database,"
                    + " but was '" + scope + "'");
        };
        if (!shared) {
            return local;
        }
        DatabaseSubjectLock.Kind kind = postgres ? DatabaseSubjectLock.Kind.ADVISORY : DatabaseSubjectLock.Kind.ROW;
        HikariDataSource locks = lockPool(main, settings, postgres);
        camelContext.addService(new PoolCloser(locks), true, true);
        LOG.info("Subject locks held in the database ({}), pool of {} connection(s)", kind,
                locks.getMaximumPoolSize());
        return new LayeredSubjectLock(local, new DatabaseSubjectLock(locks, kind));
    }

    /** Locks hold their connection while the event is applied, so they get a pool of their own. */
    private static HikariDataSource lockPool(HikariDataSource main, Settings settings, boolean postgres) {
        int timeoutMs = settings.getInt("logisync.ordering.lock-timeout-ms", 60_000, 1);
        HikariConfig config = new HikariConfig();
        config.setPoolName("logisync-locks");
        config.setJdbcUrl(main.getJdbcUrl());
        config.setUsername(main.getUsername());
        config.setPassword(main.getPassword());
        config.setMaximumPoolSize(settings.getInt("logisync.ordering.lock-pool-size", 8, 1));
        config.setConnectionTimeout(main.getConnectionTimeout());
        config.setConnectionInitSql(postgres ? "SET lock_timeout = " + timeoutMs : "SET LOCK_TIMEOUT " + timeoutMs);
        return new HikariDataSource(config);
    }

    /** Writes an event as its CloudEvent JSON, as the Kafka producer asks when it serializes the body. */
    private static final class EventJsonConverter extends TypeConverterSupport {

        private final ObjectMapper mapper;

        EventJsonConverter(ObjectMapper mapper) {
            this.mapper = mapper;
        }

        @Override
        public <T> T convertTo(Class<T> type, Exchange exchange, Object value) {
            try {
                return type.cast(mapper.writeValueAsString(((IncomingEvent) value).getEvent()));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new TypeConversionException(value, type, e);
            }
        }
    }

    /** Closes the lock pool when Camel stops. */
    private static final class PoolCloser extends ServiceSupport {

        private final HikariDataSource pool;

        PoolCloser(HikariDataSource pool) {
            this.pool = pool;
        }

        @Override
        protected void doStop() {
            pool.close();
        }
    }
}
