package io.logisync.odoo.transport;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Reading the final exception out of the tracebacks Odoo puts in XML-RPC faults. */
class PythonTracebackTest {

    @Test
    void shouldReadTheShortenedTracebackOfTheRecordings() {
        PythonTraceback last = PythonTraceback.parse("Traceback (most recent call last):\n  (frames elided)\n"
                + "ValueError: Invalid field 'x_no_such_field' in 'account.move'");

        assertThat(last).isEqualTo(new PythonTraceback("builtins.ValueError",
                "Invalid field 'x_no_such_field' in 'account.move'"));
    }

    @Test
    void shouldKeepDottedNamesAndMultiLineMessages() {
        PythonTraceback last = PythonTraceback.parse("Traceback (most recent call last):\n"
                + "  File \"/odoo/sql_db.py\", line 5, in execute\n    res = self._obj.execute(query, params)\n"
                + "psycopg2.OperationalError: connection to server failed: FATAL:  database \"x\" does not exist\n"
                + "DETAIL: something: else\n");

        assertThat(last.name()).isEqualTo("psycopg2.OperationalError");
        assertThat(last.message()).isEqualTo("connection to server failed: FATAL:  database \"x\" does not exist\n"
                + "DETAIL: something: else");
    }

    @Test
    void shouldTakeTheLastExceptionOfAChainAndOneWithoutMessage() {
        String chained = "Traceback (most recent call last):\n  File \"a.py\", line 1, in f\n    g()\n"
                + "KeyError: 'x'\n\nDuring handling of the above exception, another exception occurred:\n\n"
                + "Traceback (most recent call last):\n  File \"b.py\", line 2, in h\n    raise X\n"
                + "odoo.exceptions.ValidationError: bad value\n";

        assertThat(PythonTraceback.parse(chained)).isEqualTo(new PythonTraceback("odoo.exceptions.ValidationError",
                "bad value"));
        assertThat(PythonTraceback.parse("Traceback (most recent call last):\n  File \"c.py\", line 3\n"
                + "StopIteration\n").name()).isEqualTo("builtins.StopIteration");
    }

    @Test
    void shouldKeepATextWithoutTracebackAsTheMessage() {
        assertThat(PythonTraceback.parse("Access Denied")).isEqualTo(new PythonTraceback(null, "Access Denied"));
        assertThat(PythonTraceback.parse(null)).isEqualTo(new PythonTraceback(null, ""));
    }
}
