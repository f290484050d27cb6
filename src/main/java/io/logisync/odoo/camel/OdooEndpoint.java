package io.logisync.odoo.camel;

import io.logisync.odoo.OdooClient;
import io.logisync.odoo.OdooClients;
import io.logisync.odoo.OdooContext;
import io.logisync.odoo.OdooProtocol;
import io.logisync.odoo.OdooSettings;
import io.logisync.odoo.transport.OdooJson;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.DefaultEndpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls one Odoo model method, {@code odoo:<model>?method=<method>}. The client is the endpoint's own when it sets a
 * url, else the component's {@code client}, else the registry bean {@code odooClient}.
 */
@UriEndpoint(firstVersion = "4.18.0", scheme = "odoo", title = "Odoo", syntax = "odoo:model",
        category = {Category.API}, producerOnly = true, headersClass = OdooConstants.class,
        generateConfigurer = false)
public class OdooEndpoint extends DefaultEndpoint {

    /** The method name that selects the upsert: Odoo has no such method, so it cannot hide a real one. */
    static final String UPSERT = "upsert";
    private static final Logger LOG = LoggerFactory.getLogger(OdooEndpoint.class);

    @UriPath(description = "The Odoo model, e.g. res.partner or account.move")
    @Metadata(required = true)
    private String model;
    @UriParam(description = "The model method: create, write, read, search_read, upsert, or any public method")
    @Metadata(required = true)
    private String method;
    @UriParam(description = "Comma-separated field names for search_read (required there) and read")
    private String fields;
    @UriParam(description = "At most this many records for search_read")
    private Integer limit;
    @UriParam(description = "For search_read: read every matching record, this many per call, in id order "
            + "(instead of one call bounded by limit)")
    private Integer pageSize;
    @UriParam(description = "Sort order for search_read", defaultValue = "id")
    private String order;
    @UriParam(description = "search_read domain as JSON text, used when the body carries none")
    private String domain;
    @UriParam(description = "For method=upsert: the field whose value identifies a record, e.g. ref or default_code")
    private String upsertKey;
    @UriParam(description = "For method=upsert: the kind under which a BindingLookup bean in the registry remembers "
            + "the record of each key value, consulted before searching Odoo")
    private String bindingKind;
    @UriParam(description = "Protocol of an endpoint-owned client", enums = "auto,json2,jsonrpc,xmlrpc",
            defaultValue = "auto")
    private String protocol;
    @UriParam(description = "Odoo base URL; when set the endpoint builds its own client from these options")
    private String url;
    @UriParam(description = "Database name (X-Odoo-Database on JSON-2, required by JSON-RPC)")
    private String database;
    @UriParam(label = "security", description = "Login of the integration user (JSON-RPC)")
    private String login;
    @UriParam(label = "security", secret = true, description = "API key (required by JSON-2)")
    private String apiKey;
    @UriParam(label = "security", secret = true, description = "Password, JSON-RPC only; prefer an API key")
    private String password;
    @UriParam(description = "Connect timeout: milliseconds, 10s, 1m or PT10S", defaultValue = "10s",
            javaType = "java.time.Duration")
    private Duration connectTimeout = OdooSettings.DEFAULT_CONNECT_TIMEOUT;
    @UriParam(description = "Read (reply) timeout: milliseconds, 60s, 2m or PT60S", defaultValue = "60s",
            javaType = "java.time.Duration")
    private Duration readTimeout = OdooSettings.DEFAULT_READ_TIMEOUT;
    @UriParam(description = "Context language, e.g. en_US")
    private String lang;
    @UriParam(description = "Context time zone, e.g. Europe/Brussels")
    private String tz;
    @UriParam(description = "Company the calls act in (allowed_company_ids)")
    private Long companyId;

    private OdooClient client;
    private boolean ownsClient;
    private OdooUpsert upsert;
    private List<String> fieldList;
    private List<?> parsedDomain;

    public OdooEndpoint(String uri, OdooComponent component) {
        super(uri, component);
    }

    @Override
    public Producer createProducer() {
        return new OdooProducer(this);
    }

    // Known gap: no consumer; polling Odoo is a timer route calling search_read.
    @Override
    public Consumer createConsumer(Processor processor) {
        throw new UnsupportedOperationException("The odoo component only sends; poll with a timer and search_read");
    }

    @Override
    protected void doInit() throws Exception {
        super.doInit();
        if (model == null || model.isBlank()) {
            throw new IllegalArgumentException("odoo: needs a model, e.g. odoo:res.partner?method=search_read");
        }
        if (method == null || method.isBlank()) {
            throw new IllegalArgumentException("odoo:" + model + " needs the method option");
        }
        fieldList = fields == null ? null : Arrays.stream(fields.split(",")).map(String::trim)
                .filter(name -> !name.isEmpty()).toList();
        if ("search_read".equals(method) && (fieldList == null || fieldList.isEmpty())) {
            throw new IllegalArgumentException("odoo:" + model + "?method=search_read needs the fields option");
        }
        parsedDomain = domain == null ? null : parseDomain(domain);
        checkPagingOptions();
        checkUpsertOptions();
        OdooProtocol.parse(protocol);
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        client = resolveClient();
        if (UPSERT.equals(method)) {
            upsert = new OdooUpsert(client, model, upsertKey, bindingKind, resolveBindings());
        }
    }

    @Override
    protected void doStop() throws Exception {
        if (ownsClient && client != null) {
            client.close();
        }
        client = null;
        ownsClient = false;
        upsert = null;
        super.doStop();
    }

    private OdooClient resolveClient() {
        if (url != null) {
            // Known gap: every endpoint with a url has its own client (pool, login); bind odooClient to share one.
            ownsClient = true;
            return OdooClients.create(OdooSettings.builder().url(url).database(database).login(login).apiKey(apiKey)
                    .password(password).protocol(protocol).connectTimeout(connectTimeout).readTimeout(readTimeout)
                    .build());
        }
        OdooClient shared = ((OdooComponent) getComponent()).getClient();
        if (shared == null) {
            shared = getCamelContext().getRegistry().lookupByNameAndType(OdooConstants.CLIENT_BEAN, OdooClient.class);
        }
        if (shared == null) {
            throw new IllegalStateException("odoo:" + model + " has no client: set url (with apiKey or login and "
                    + "password), the component's client, or bind an OdooClient named " + OdooConstants.CLIENT_BEAN);
        }
        return shared;
    }

    private void checkPagingOptions() {
        if (pageSize == null) {
            return;
        }
        if (!"search_read".equals(method)) {
            throw new IllegalArgumentException("odoo:" + model + ": pageSize applies to method=search_read only, not "
                    + method);
        }
        if (pageSize <= 0) {
            throw new IllegalArgumentException("odoo:" + model + ": pageSize must be greater than 0, but was "
                    + pageSize);
        }
        if (limit != null || (order != null && !"id".equals(order.trim()))) {
            // pages follow each other by id, so another order or a total limit would skip or repeat records
            throw new IllegalArgumentException("odoo:" + model + ": pageSize reads every record in id order; "
                    + "it cannot be combined with limit or order");
        }
    }

    private void checkUpsertOptions() {
        boolean isUpsert = UPSERT.equals(method);
        if (isUpsert && (upsertKey == null || upsertKey.isBlank())) {
            throw new IllegalArgumentException("odoo:" + model + "?method=upsert needs the upsertKey option, e.g. ref");
        }
        if (!isUpsert && (upsertKey != null || bindingKind != null)) {
            throw new IllegalArgumentException("odoo:" + model + ": upsertKey and bindingKind apply to method=upsert "
                    + "only, not " + method);
        }
    }

    private BindingLookup resolveBindings() {
        if (bindingKind == null) {
            return null;
        }
        BindingLookup found = getCamelContext().getRegistry().findSingleByType(BindingLookup.class);
        if (found == null) {
            LOG.warn("odoo:{} has bindingKind={} but the registry holds no single BindingLookup bean; upserts will "
                    + "search Odoo every time", model, bindingKind);
        }
        return found;
    }

    private static List<?> parseDomain(String text) {
        try {
            if (OdooJson.read(text) instanceof List<?> list) {
                return list;
            }
        } catch (Exception e) {
            throw new IllegalArgumentException("The domain option is not valid JSON: " + text, e);
        }
        throw new IllegalArgumentException("The domain option must be a JSON list, e.g. [[\"active\",\"=\",true]]");
    }

    /** The context the endpoint's options describe; entries it leaves empty come from the client's default. */
    OdooContext endpointContext() {
        return new OdooContext(lang, tz, companyId, companyId == null ? List.of() : List.of(companyId));
    }

    OdooClient client() {
        return client;
    }

    OdooUpsert upsert() {
        return upsert;
    }

    List<String> fieldList() {
        return fieldList;
    }

    List<?> parsedDomain() {
        return parsedDomain;
    }

    public String getModel() {
        return model;
    }

    public void setModel(String model) {
        this.model = model;
    }

    public String getMethod() {
        return method;
    }

    public void setMethod(String method) {
        this.method = method;
    }

    public String getFields() {
        return fields;
    }

    public void setFields(String fields) {
        this.fields = fields;
    }

    public Integer getPageSize() {
        return pageSize;
    }

    public void setPageSize(Integer pageSize) {
        this.pageSize = pageSize;
    }

    public Integer getLimit() {
        return limit;
    }

    public void setLimit(Integer limit) {
        this.limit = limit;
    }

    public String getOrder() {
        return order;
    }

    public void setOrder(String order) {
        this.order = order;
    }

    public String getDomain() {
        return domain;
    }

    public void setDomain(String domain) {
        this.domain = domain;
    }

    public String getUpsertKey() {
        return upsertKey;
    }

    public void setUpsertKey(String upsertKey) {
        this.upsertKey = upsertKey;
    }

    public String getBindingKind() {
        return bindingKind;
    }

    public void setBindingKind(String bindingKind) {
        this.bindingKind = bindingKind;
    }

    public String getProtocol() {
        return protocol;
    }

    public void setProtocol(String protocol) {
        this.protocol = protocol;
    }

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public String getDatabase() {
        return database;
    }

    public void setDatabase(String database) {
        this.database = database;
    }

    public String getLogin() {
        return login;
    }

    public void setLogin(String login) {
        this.login = login;
    }

    public String getApiKey() {
        return apiKey;
    }

    public void setApiKey(String apiKey) {
        this.apiKey = apiKey;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public Duration getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public Duration getReadTimeout() {
        return readTimeout;
    }

    public void setReadTimeout(Duration readTimeout) {
        this.readTimeout = readTimeout;
    }

    public String getLang() {
        return lang;
    }

    public void setLang(String lang) {
        this.lang = lang;
    }

    public String getTz() {
        return tz;
    }

    public void setTz(String tz) {
        this.tz = tz;
    }

    public Long getCompanyId() {
        return companyId;
    }

    public void setCompanyId(Long companyId) {
        this.companyId = companyId;
    }
}
