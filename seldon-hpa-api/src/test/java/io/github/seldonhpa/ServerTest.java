package io.github.seldonhpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ServerTest {

  @Test
  void anHpaScaledServer() {
    Server s = Server.builder().name("mlserver").namespace("seldon-mesh").serverConfig("mlserver").replicas(1)
        .putExtraSpec("podSpec", Map.of("nodeSelector", Map.of("pool", "gpu"))).build();
    assertThat(s.name()).isEqualTo("mlserver");
    assertThat(s.serverConfig()).isEqualTo("mlserver");
    assertThat(s.replicas()).contains(1);
    assertThat(s.minReplicas()).isEmpty();
    assertThat(s.maxReplicas()).isEmpty();
    assertThat(s.extraSpec()).containsKey("podSpec");
  }

  @Test
  void theServersChartDefaults() {
    Server s = Server.builder().name("triton").serverConfig("triton").replicas(1).minReplicas(1).maxReplicas(1).build();
    assertThat(s.maxReplicas()).contains(1);
  }

  @Test
  void rules() {
    assertThatThrownBy(() -> Server.builder().name("mlserver").serverConfig("ML").build())
        .isExactlyInstanceOf(HpaValidationException.class)
        .hasMessageStartingWith("serverConfig must be a DNS-1123 subdomain: ").hasMessageEndingWith("(was \"ML\")");
    assertThatThrownBy(() -> Server.builder().name("mlserver").serverConfig("mlserver").minReplicas(2).maxReplicas(1)
            .build())
        .hasMessage("maxReplicas must be >= minReplicas (was maxReplicas=1, minReplicas=2)");
    assertThatThrownBy(() -> Server.builder().name("mlserver").serverConfig("mlserver").replicas(-1).build())
        .hasMessage("replicas must be >= 0 (was -1)");
    assertThatThrownBy(() -> Server.builder().name("mlserver").serverConfig("mlserver")
            .putExtraSpec("serverConfig", "triton").build())
        .hasMessage("extraSpec.serverConfig must be set with serverConfig(), not in extraSpec (was triton)");
    assertThatThrownBy(() -> Server.builder().name("mlserver").build())
        .hasMessage("missing required attributes: serverConfig");
  }
}
