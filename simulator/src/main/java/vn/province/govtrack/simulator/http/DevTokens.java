package vn.province.govtrack.simulator.http;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bearer tokens from the command side's {@code POST /dev/tokens}, which exists in the local profile
 * that {@code ./run} starts the services with; the query side accepts them too. One token per
 * official (role and unit), asked for once and valid for a day, longer than any seeding run.
 */
public final class DevTokens {

    private static final int TTL_MINUTES = 24 * 60;

    private final Http commandSide;
    private final Map<Official, String> tokens = new ConcurrentHashMap<>();

    public DevTokens(Http commandSide) {
        this.commandSide = commandSide;
    }

    /** @throws IllegalStateException when the command side mints no token (not in the local profile) */
    public String of(Official official) {
        return tokens.computeIfAbsent(official, this::mint);
    }

    private String mint(Official official) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("role", official.role());
        if (official.unitCode() != null) {
            request.put("unitCode", official.unitCode());
        }
        request.put("subject", official.subject());
        request.put("ttlMinutes", TTL_MINUTES);
        Answer answer = commandSide.post("/dev/tokens", request, Map.of());
        if (!answer.ok() || !answer.body().path("token").isTextual()) {
            throw new IllegalStateException("the command side at " + commandSide.baseUrl() + " gave no token for "
                    + official + " (HTTP " + answer.status() + "); POST /dev/tokens exists only in the local "
                    + "profile, which ./run starts the services with");
        }
        return answer.body().path("token").asText();
    }
}
