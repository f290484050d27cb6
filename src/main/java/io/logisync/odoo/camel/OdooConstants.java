package io.logisync.odoo.camel;

import org.apache.camel.spi.Metadata;

/** Header names of the odoo component. */
public final class OdooConstants {

    @Metadata(description = "The record ids a record method works on (List<Long>); create sets it to the new ids.",
            javaType = "java.util.List<Long>")
    public static final String IDS = "CamelOdooIds";

    @Metadata(description = "Company id for this message only; overrides the endpoint's companyId.",
            javaType = "Long")
    public static final String COMPANY_ID = "CamelOdooCompanyId";

    @Metadata(description = "The whole OdooContext for this message; replaces the endpoint's lang, tz and company.",
            javaType = "io.logisync.odoo.OdooContext")
    public static final String CONTEXT = "CamelOdooContext";

    /** Registry name of the shared client the component uses when no url is configured. */
    public static final String CLIENT_BEAN = "odooClient";

    private OdooConstants() {
    }
}
