package io.logisync.security;

import org.apache.camel.spi.MaskingFormatter;
import org.apache.camel.support.processor.DefaultMaskingFormatter;

/**
 * The mask Camel applies to the log EIP and the log component ({@code camel.main.log-mask}): Camel's own masking of
 * passwords and secret keys, then logisync's redaction of amounts and e-mail addresses.
 */
public class RedactingLogMask implements MaskingFormatter {

    private final MaskingFormatter camelMask = new DefaultMaskingFormatter();

    @Override
    public String format(String source) {
        return Redaction.redactText(camelMask.format(source));
    }
}
