package io.lakeops.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.lakeops.domain.Cluster;
import io.lakeops.domain.ClusterDeath;
import io.lakeops.domain.ClusterState;
import io.lakeops.ports.ClusterFigures;
import io.lakeops.ports.ClusterMetrics;
import io.lakeops.ports.StateStore;
import io.lakeops.testdata.TestClusters;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The clusters pane and the cluster actions of the API and the console: operators only, CSRF on
 * forms, audited with who and why, refused in words. The scheduler is off in tests, so an action is
 * seen as the request leaves it (the leader's pass carries a rotation out).
 */
@QuarkusTest
class ClusterActionsTest {
  @Inject StateStore store;

  @Test
  void anOperatorTerminatesAClusterAndTheAuditSaysWhoAndWhyAViewerMayNot() {
    Cluster ready = readyCluster("medium");

    json(Users.VIEWER).post("/api/clusters/" + ready.id() + "/terminate").then().statusCode(403);
    json(Users.OPERATOR)
        .queryParam("reason", "noisy neighbour OPS-9")
        .post("/api/clusters/" + ready.id() + "/terminate")
        .then()
        .statusCode(200)
        .body("state", equalTo("TERMINATING"));
    json(Users.OPERATOR)
        .post("/api/clusters/" + ready.id() + "/terminate")
        .then()
        .statusCode(409)
        .body("message", containsString("only a live cluster"));

    Users.VIEWER
        .api()
        .queryParam("entityKind", "cluster")
        .queryParam("entityId", ready.id().value())
        .queryParam("actor", "operator")
        .get("/api/audit")
        .then()
        .body("items[0].action", equalTo("cluster.terminating"))
        .body("items[0].reason", equalTo("noisy neighbour OPS-9"));
  }

  @Test
  void aOneClickRotationIsRecordedOnTheOldestReadyClusterAndOnlyOneAtATime() {
    Cluster ready = readyCluster("large");

    json(Users.OPERATOR)
        .queryParam("reason", "kernel patch")
        .post("/api/pools/large/rotate")
        .then()
        .statusCode(200)
        .body("id", equalTo(ready.id().value()))
        .body("rotation.reason", equalTo("requested by operator: kernel patch"));
    json(Users.OPERATOR)
        .post("/api/pools/large/rotate")
        .then()
        .statusCode(409)
        .body("message", containsString("rotating already"));
    json(Users.OPERATOR).post("/api/pools/nowhere/rotate").then().statusCode(404);
  }

  @Test
  void aLocalClusterWithoutARunningProcessCannotBeKilled() {
    Cluster ready = readyCluster("medium");

    json(Users.OPERATOR)
        .post("/api/clusters/" + ready.id() + "/simulate-loss")
        .then()
        .statusCode(409)
        .body("message", containsString("no running process"));
  }

  @Test
  void thePaneShowsPoolsTheirClustersAndTheOperatorsButtonsOnlyToOperators() {
    Cluster ready = readyCluster("medium");

    Browser.loggedInAs(Users.OPERATOR)
        .get("/clusters/pane")
        .then()
        .statusCode(200)
        .body(containsString("id=\"clusters-pane\""))
        .body(containsString(ready.id().value()))
        .body(containsString("Rotate pool"))
        .body(containsString("Simulate spot loss"))
        .body(containsString("Runs per cluster"));
    Browser.loggedInAs(Users.VIEWER)
        .get("/clusters")
        .then()
        .statusCode(200)
        .body(containsString(ready.id().value()))
        .body(not(containsString("Rotate pool")));
  }

  @Test
  void thePaneShowsEachDeathsTimeToDetectAndWhichSignalToldFirst() {
    Cluster byEvent = died(readyCluster("large"), ClusterDeath.Signal.EVENT, 7);
    Cluster byPoll = died(readyCluster("large"), ClusterDeath.Signal.POLL, 52);

    Browser.loggedInAs(Users.VIEWER)
        .get("/clusters/pane")
        .then()
        .statusCode(200)
        .body(containsString("Deaths and how they were noticed"))
        .body(containsString("1 told by an EMR event first, 1 found by the poll first"))
        .body(containsString("(events are off)"))
        .body(containsString(byEvent.id().value()))
        .body(containsString(byPoll.id().value()))
        .body(containsString("<td>event</td>"))
        .body(containsString("<td>poll</td>"));
  }

  /** The cluster recorded FAILED, noticed {@code seconds} after the provider's time of death. */
  private Cluster died(Cluster cluster, ClusterDeath.Signal signal, int seconds) {
    Instant noticed = Instant.now();
    return store.updateCluster(
        cluster
            .moveTo(ClusterState.FAILED, "reported by the provider: INSTANCE_FAILURE", noticed)
            .died(new ClusterDeath(noticed.minusSeconds(seconds), noticed, signal)));
  }

  @Test
  void aFormWithoutItsTokenChangesNothingAndOneWithItTerminates() {
    Cluster ready = readyCluster("medium");
    Browser operator = Browser.loggedInAs(Users.OPERATOR);

    int refused =
        operator
            .post("/clusters/" + ready.id() + "/terminate", Map.of("reason", "no token"), null)
            .statusCode();
    assertThat(refused).isIn(400, 403);
    assertThat(state(ready)).isEqualTo(ClusterState.READY);

    String token = operator.token("/clusters");
    int done =
        operator
            .post("/clusters/" + ready.id() + "/terminate", Map.of("reason", "by form"), token)
            .statusCode();
    assertThat(done).isEqualTo(303);
    assertThat(state(ready)).isEqualTo(ClusterState.TERMINATING);
  }

  @Test
  void healthFiguresShowWhereTheProviderKeepsThemAndNoColumnWhereItDoesNot() {
    Cluster ready = readyCluster("medium");
    Browser.loggedInAs(Users.VIEWER)
        .get("/clusters/pane")
        .then()
        .statusCode(200)
        .body(containsString(ready.id().value()))
        .body(not(containsString("<th>Health</th>")));

    QuarkusMock.installMockForType(
        new ClusterMetrics() {
          @Override
          public Map<String, ClusterFigures> latest(Collection<String> providerIds) {
            return providerIds.contains(ready.providerId())
                ? Map.of(ready.providerId(), new ClusterFigures(Instant.now(), false, 62.6, 2L, 0L))
                : Map.of();
          }
        },
        ClusterMetrics.class);
    Browser.loggedInAs(Users.VIEWER)
        .get("/clusters/pane")
        .then()
        .statusCode(200)
        .body(containsString("<th>Health</th>"))
        .body(
            containsString(
                "busy · 63% YARN memory free · 2 containers pending · 0 unhealthy nodes"));
  }

  private static RequestSpecification json(Users user) {
    return user.api().contentType(ContentType.JSON);
  }

  private Cluster readyCluster(String pool) {
    String id = pool + "-web-" + UUID.randomUUID().toString().substring(0, 8);
    return store.createCluster(
        TestClusters.aCluster()
            .id(id)
            .pool(pool)
            .requestedAt(Instant.now())
            .ready("http://127.0.0.1:9"));
  }

  private ClusterState state(Cluster cluster) {
    return store.findCluster(cluster.id()).orElseThrow().state();
  }
}
