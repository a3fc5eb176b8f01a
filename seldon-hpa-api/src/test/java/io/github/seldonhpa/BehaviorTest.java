package io.github.seldonhpa;

import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BehaviorTest {

  @Test
  void holdsEitherDirection() {
    ScalingRules down = ScalingRules.builder().stabilizationWindow(ofSeconds(300)).build();
    Behavior b = Behavior.builder().scaleDown(down).build();
    assertThat(b.scaleUp()).isEmpty();
    assertThat(b.scaleDown()).contains(down);
    assertThat(Behavior.builder().build().scaleDown()).isEmpty();
  }

  @Test
  void equalByValue() {
    ScalingRules up = ScalingRules.builder().addPolicy(ScalingPolicy.pods(5, ofSeconds(90))).build();
    assertThat(Behavior.builder().scaleUp(up).build())
        .isEqualTo(Behavior.builder().scaleUp(ScalingRules.builder().addPolicy(ScalingPolicy.pods(5, ofSeconds(90))).build())
            .build())
        .isNotEqualTo(Behavior.builder().scaleDown(up).build());
  }
}
