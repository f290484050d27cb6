package io.logisync.odoo.sim;

import static io.logisync.odoo.sim.FieldDef.chars;

import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code ir.attachment}: files as base64 {@code datas} or links as {@code url}, tied to a record by model and id. */
final class AttachmentModel implements ModelBehaviour {

    static final String MODEL = "ir.attachment";
    private static final Map<String, String> BY_EXTENSION = Map.of("pdf", "application/pdf", "png", "image/png",
            "jpg", "image/jpeg", "jpeg", "image/jpeg", "txt", "text/plain", "csv", "text/csv", "xml",
            "application/xml", "json", "application/json", "edi", "application/edi-x12", "gif", "image/gif");

    static ModelDef definition() {
        return new ModelDef(MODEL, "Attachment")
                .field(chars("name", "Name").required())
                .field(FieldDef.of("description", FieldType.TEXT, "Description"))
                .field(chars("res_model", "Resource Model"))
                .field(FieldDef.of("res_id", FieldType.INTEGER, "Resource ID"))
                .field(chars("res_field", "Resource Field"))
                .field(FieldDef.selection("type", "Type", "url", "URL", "binary", "File").defaultTo("binary")
                        .required())
                .field(chars("url", "Url"))
                .field(FieldDef.of("datas", FieldType.BINARY, "File Content (base64)"))
                .field(chars("mimetype", "Mime Type"))
                .field(FieldDef.of("file_size", FieldType.INTEGER, "File Size")
                        .computed((orm, m, row) -> (long) decodedSize(row.string("datas"))))
                .field(FieldDef.of("public", FieldType.BOOLEAN, "Is public document"))
                .field(FieldDef.many2one("company_id", "Company", "res.company"))
                .order("id desc")
                .behaviour(new AttachmentModel());
    }

    @Override
    public void beforeCreate(Env env, Map<String, Object> vals) {
        if (!vals.containsKey("type") && ValueCodec.truthy(vals.get("url")) && !ValueCodec.truthy(vals.get("datas"))) {
            vals.put("type", "url");
        }
        checkBase64(vals.get("datas"));
        if (!ValueCodec.truthy(vals.get("mimetype"))) {
            vals.put("mimetype", guessMimetype(vals));
        }
    }

    @Override
    public void beforeWrite(Env env, List<Long> ids, Map<String, Object> vals) {
        checkBase64(vals.get("datas"));
    }

    private static void checkBase64(Object datas) {
        if (datas instanceof String s && !s.isEmpty()) {
            try {
                Base64.getMimeDecoder().decode(s);
            } catch (IllegalArgumentException e) {
                throw new OdooError(ErrorKind.VALUE_ERROR, "Incorrect padding");
            }
        }
    }

    private static int decodedSize(String datas) {
        return datas == null ? 0 : Base64.getMimeDecoder().decode(datas).length;
    }

    /** Like Odoo, trust the content's signature first and the file name second. */
    private static String guessMimetype(Map<String, Object> vals) {
        if (vals.get("datas") instanceof String s && !s.isEmpty()) {
            byte[] head = Base64.getMimeDecoder().decode(s.length() > 64 ? s.substring(0, 64) : s);
            String start = new String(head, 0, Math.min(head.length, 8), java.nio.charset.StandardCharsets.ISO_8859_1);
            if (start.startsWith("%PDF")) {
                return "application/pdf";
            }
            if (start.startsWith("\u0089PNG")) {
                return "image/png";
            }
            if (start.startsWith("\u00ff\u00d8\u00ff")) {
                return "image/jpeg";
            }
        }
        Object name = vals.get("name");
        if (name instanceof String n && n.contains(".")) {
            String extension = n.substring(n.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
            if (BY_EXTENSION.containsKey(extension)) {
                return BY_EXTENSION.get(extension);
            }
        }
        return ValueCodec.truthy(vals.get("url")) && !ValueCodec.truthy(vals.get("datas")) ? "text/plain"
                : "application/octet-stream";
    }
}
