package vn.province.govtrack.eventstore.spring;

import com.mongodb.connection.ClusterDescription;
import com.mongodb.event.ClusterDescriptionChangedEvent;
import com.mongodb.event.ClusterListener;

/**
 * What the service's MongoDB client last knew of its servers, without asking them: the driver's
 * monitor checks each server every {@code govtrack.mongo.heartbeat-frequency}, and every operation that
 * meets a network error marks its server unknown at once. Lets the health check answer DOWN at once
 * while the database is gone, instead of waiting for a server to select.
 */
class StoreReachability implements ClusterListener {

    private volatile ClusterDescription description;

    @Override
    public void clusterDescriptionChanged(ClusterDescriptionChangedEvent event) {
        description = event.getNewDescription();
    }

    /** Whether the client knows a server it can write to (a standalone server or a primary). */
    boolean writable() {
        ClusterDescription known = description;
        return known != null && known.hasWritableServer();
    }

    /** Why nothing is writable, for the health details: the driver's last error, or the servers' states. */
    String why() {
        ClusterDescription known = description;
        if (known == null) {
            return "the client has not reached the database yet";
        }
        return known.getServerDescriptions().stream()
                    .map(server -> server.getAddress() + " " + server.getState()
                                   + (server.getException() != null ? " (" + server.getException().getMessage() + ")" : "")
                                   + (server.isPrimary() || server.isStandAlone() || server.isSecondary()
                                      ? " " + server.getType() : ""))
                    .reduce((left, right) -> left + "; " + right)
                    .orElse("no server known");
    }
}
