package vn.province.govtrack.command.messaging;

import java.util.HashMap;
import java.util.Map;

import vn.province.govtrack.kernel.EventMetadata;
import vn.province.govtrack.security.Caller;

/**
 * Who gives a command, as its metadata says it: {@code actor}, {@code actorRole}, and {@code actorUnit}
 * for the roles bound to a unit. The dossier decides unit scoping from them, and the correlation data
 * providers copy them onto every event the command applies. Requests and bulk imports state their
 * caller the same way.
 */
public final class CallerMetaData {

    private CallerMetaData() {
    }

    public static Map<String, String> of(Caller caller) {
        Map<String, String> metadata = new HashMap<>();
        metadata.put(EventMetadata.ACTOR, caller.subject());
        metadata.put(EventMetadata.ACTOR_ROLE, caller.role().name());
        if (caller.unitCode() != null) {
            metadata.put(EventMetadata.ACTOR_UNIT, caller.unitCode());
        }
        return metadata;
    }
}
