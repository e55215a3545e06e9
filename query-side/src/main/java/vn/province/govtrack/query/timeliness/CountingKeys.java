package vn.province.govtrack.query.timeliness;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The index's dictionary: unit codes, procedure codes and fields as small numbers, and the counting
 * keys, one per (unit, procedure, field) that something was counted for. Every counter of the index
 * is kept per counting key; a report row is the sum of the keys that share its unit, field or
 * procedure. A missing (null) code is the empty one, as report rows name it.
 *
 * <p>Entries are never removed: a province has some hundreds of units, a few thousand procedures
 * and tens of thousands of such triples. Not thread-safe: {@link TimelinessIndex} guards it.
 */
final class CountingKeys implements Contribution.Keys {

    private final Names units = new Names();
    private final Names procedures = new Names();
    private final Names fields = new Names();
    private final Map<Long, Integer> keyByParts = new HashMap<>();
    private int[] unitOfKey = new int[64];
    private int[] procedureOfKey = new int[64];
    private int[] fieldOfKey = new int[64];

    /** The counting key of the three codes, made on first use. */
    @Override
    public int keyOf(String unitCode, String procedureCode, String field) {
        int unit = units.idOf(unitCode);
        int procedure = procedures.idOf(procedureCode);
        int fieldId = fields.idOf(field);
        long parts = ((long) unit << 42) | ((long) procedure << 21) | fieldId;
        Integer key = keyByParts.get(parts);
        if (key != null) {
            return key;
        }
        int next = keyByParts.size();
        if (next == unitOfKey.length) {
            unitOfKey = Arrays.copyOf(unitOfKey, next * 2);
            procedureOfKey = Arrays.copyOf(procedureOfKey, next * 2);
            fieldOfKey = Arrays.copyOf(fieldOfKey, next * 2);
        }
        unitOfKey[next] = unit;
        procedureOfKey[next] = procedure;
        fieldOfKey[next] = fieldId;
        keyByParts.put(parts, next);
        return next;
    }

    /** Keys run from 0 to {@code size() - 1}. */
    int size() {
        return keyByParts.size();
    }

    /**
     * The number of each key's unit, procedure or field (from 0 to {@code count(part) - 1}), by key:
     * the dictionary's own array, for reading only, and only while no key is added.
     */
    int[] parts(GroupBy part) {
        return switch (part) {
            case UNIT -> unitOfKey;
            case PROCEDURE -> procedureOfKey;
            case FIELD -> fieldOfKey;
        };
    }

    int count(GroupBy part) {
        return names(part).size();
    }

    String name(GroupBy part, int number) {
        return names(part).name(number);
    }

    /** The number of a unit code, procedure code or field, made on first use. */
    int numberOf(GroupBy part, String name) {
        return names(part).idOf(name);
    }

    /** The number of a unit code, procedure code or field already known, or -1. */
    int knownNumber(GroupBy part, String name) {
        return names(part).knownId(name);
    }

    /** The number of a unit code already known, or -1. */
    int knownUnit(String unitCode) {
        return units.knownId(unitCode);
    }

    private Names names(GroupBy part) {
        return switch (part) {
            case UNIT -> units;
            case PROCEDURE -> procedures;
            case FIELD -> fields;
        };
    }

    private static final class Names {
        private final Map<String, Integer> ids = new HashMap<>();
        private final List<String> names = new ArrayList<>();

        int idOf(String name) {
            String code = name == null ? "" : name;
            Integer id = ids.get(code);
            if (id == null) {
                id = names.size();
                ids.put(code, id);
                names.add(code);
            }
            return id;
        }

        int knownId(String name) {
            return ids.getOrDefault(name == null ? "" : name, -1);
        }

        String name(int id) {
            return names.get(id);
        }

        int size() {
            return names.size();
        }
    }
}
