package io.logisync.edi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class X12TimeTest {

    private static OffsetDateTime at(String date, String time, String timeCode) {
        return X12Time.at(date, time, X12Time.zoneOf(timeCode).orElseThrow());
    }

    @ParameterizedTest(name = "{2} on {0} {1} is {3}")
    @CsvSource({
        // the "Time" codes follow the region's daylight saving rules by date
        "20190701, 1200, ET, 2019-07-01T12:00-04:00",
        "20190115, 1200, ET, 2019-01-15T12:00-05:00",
        "20190701, 1200, CT, 2019-07-01T12:00-05:00",
        "20190701, 1200, MT, 2019-07-01T12:00-06:00",
        "20190701, 1200, PT, 2019-07-01T12:00-07:00",
        "20190701, 1200, AT, 2019-07-01T12:00-08:00",
        "20190701, 1200, NT, 2019-07-01T12:00-02:30",
        // standard and daylight codes are fixed offsets whatever the date
        "20190701, 1200, ES, 2019-07-01T12:00-05:00",
        "20190115, 1200, ED, 2019-01-15T12:00-04:00",
        "20190701, 1200, CS, 2019-07-01T12:00-06:00",
        "20190115, 1200, MD, 2019-01-15T12:00-06:00",
        "20190701, 1200, PS, 2019-07-01T12:00-08:00",
        "20190701, 1200, AS, 2019-07-01T12:00-09:00",
        "20190701, 1200, HS, 2019-07-01T12:00-10:00",
        "20190701, 1200, NS, 2019-07-01T12:00-03:30",
        "20190701, 1200, UT, 2019-07-01T12:00Z",
        "20190701, 1200, GM, 2019-07-01T12:00Z",
        // numeric codes are ISO offsets: 01..12 = +01..+12, 13..24 = -12..-01
        "20190701, 1200, 05, 2019-07-01T12:00+05:00",
        "20190701, 1200, 13, 2019-07-01T12:00-12:00",
        "20190701, 1200, 20, 2019-07-01T12:00-05:00",
        "20190701, 1200, 24, 2019-07-01T12:00-01:00",
    })
    void shouldTurnTimeCodeIntoTheRightOffset(String date, String time, String timeCode, String expected) {
        assertThat(at(date, time, timeCode)).isEqualTo(OffsetDateTime.parse(expected));
    }

    @Test
    void shouldReadSecondsAndHundredths() {
        assertThat(at("20191102", "164805", "UT")).isEqualTo("2019-11-02T16:48:05Z");
        assertThat(at("20191102", "16480512", "UT")).isEqualTo("2019-11-02T16:48:05.12Z");
        assertThat(at("20191102", "1648051", "UT")).isEqualTo("2019-11-02T16:48:05.1Z");
    }

    @Test
    void shouldTakeTheDaylightOffsetForAWallTimeThatHappensTwice() {
        // 01:30 happened twice in New York on 2019-11-03; the first one was EDT.
        assertThat(at("20191103", "0130", "ET")).isEqualTo("2019-11-03T01:30-04:00");
    }

    @Test
    void shouldLeaveLocalAndBlankCodesToTheCaller() {
        assertThat(X12Time.isLocal("LT")).isTrue();
        assertThat(X12Time.isLocal("")).isTrue();
        assertThat(X12Time.zoneOf("LT")).isEmpty();
        assertThat(X12Time.zoneOf("TT")).isEmpty();
    }

    @Test
    void shouldRejectImpossibleDatesAndTimes() {
        assertThatThrownBy(() -> at("20191332", "1200", "UT")).isInstanceOf(DateTimeException.class);
        assertThatThrownBy(() -> at("20191102", "2460", "UT")).isInstanceOf(DateTimeException.class);
        assertThatThrownBy(() -> at("20191102", "16:48", "UT")).isInstanceOf(DateTimeException.class);
    }
}
