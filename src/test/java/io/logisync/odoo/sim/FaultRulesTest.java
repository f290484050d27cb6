package io.logisync.odoo.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which calls a fault rule fails: by target, count and seeded chance. */
class FaultRulesTest {

    private final FaultRules rules = new FaultRules();

    @Test
    void shouldFailOnlyTheTargetedCallsAndOnlyTheGivenNumberOfTimes() {
        rules.add(Fault.serviceUnavailable().on("account.move", "action_post").times(2));

        assertThat(rules.pick("account.move", "create", false)).isNull();
        assertThat(rules.pick("res.partner", "action_post", false)).isNull();
        assertThat(rules.pick("account.move", "action_post", false)).isNotNull();
        assertThat(rules.armed()).singleElement().extracting(Fault::times).isEqualTo(1);
        assertThat(rules.pick("account.move", "action_post", false)).isNotNull();
        assertThat(rules.pick("account.move", "action_post", false)).isNull();
        assertThat(rules.armed()).isEmpty();
    }

    @Test
    void shouldTargetEveryCallWhenNoModelOrMethodIsGiven() {
        rules.add(Fault.badGateway());

        assertThat(rules.pick("res.partner", "read", false)).isNotNull();
        assertThat(rules.pick(null, "authenticate", false)).isNotNull();
        assertThat(rules.armed()).singleElement().extracting(Fault::times).isEqualTo(Fault.UNLIMITED);
    }

    @Test
    void shouldDecideLostRepliesOnlyAfterTheCallRan() {
        rules.add(Fault.lostReply().onMethod("action_post").times(1));

        assertThat(rules.pick("account.move", "action_post", false)).isNull();
        assertThat(rules.pick("account.move", "action_post", true)).extracting(Fault::kind)
                .isEqualTo(FaultKind.LOST_REPLY);
    }

    @Test
    void shouldTakeTheFirstRuleThatFires() {
        rules.add(Fault.rateLimited(Duration.ofSeconds(3)).onModel("res.partner").times(1));
        rules.add(Fault.gatewayTimeout());

        assertThat(rules.pick("res.partner", "write", false).kind()).isEqualTo(FaultKind.RATE_LIMITED);
        assertThat(rules.pick("res.partner", "write", false).kind()).isEqualTo(FaultKind.GATEWAY_TIMEOUT);
    }

    @Test
    void shouldRepeatTheSameFailuresForTheSameSeed() {
        rules.add(Fault.serviceUnavailable().withProbability(0.3));

        rules.seed(42);
        List<Boolean> first = draws(1000);
        rules.seed(42);
        List<Boolean> second = draws(1000);
        rules.seed(7);
        List<Boolean> other = draws(1000);

        assertThat(second).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
        assertThat(first.stream().filter(Boolean::booleanValue).count()).isBetween(240L, 360L);
        assertThat(rules.seed()).isEqualTo(7);
    }

    @Test
    void shouldRefuseRulesThatCannotFire() {
        assertThatThrownBy(() -> Fault.badGateway().times(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Fault.badGateway().withProbability(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Fault.badGateway().withProbability(1.5))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Fault.slow(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FaultKind.parse("http-500")).hasMessageContaining("http-502");
    }

    private List<Boolean> draws(int count) {
        List<Boolean> answer = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            answer.add(rules.pick("res.partner", "search_read", false) != null);
        }
        return answer;
    }
}
