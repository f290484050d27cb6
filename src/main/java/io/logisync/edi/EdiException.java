package io.logisync.edi;

/** Base of the errors raised while reading an X12 file; routes match the subtypes in {@code onException}. */
public abstract class EdiException extends RuntimeException {

    private final String fileName;

    protected EdiException(String fileName, String detail, Throwable cause) {
        super(fileName + ": " + detail, cause);
        this.fileName = fileName;
    }

    /** The name the file was read under, as the caller passed it. */
    public String getFileName() {
        return fileName;
    }
}
