package vn.province.govtrack.query.staff;

import java.util.Optional;

import org.springframework.stereotype.Component;

/** The staff queries answered from the staff projection's records, one document per staff member. */
@Component
class StoredStaffMembers implements StaffMembers {

    private final StaffRecords records;

    StoredStaffMembers(StaffProjection projection) {
        this.records = projection.records();
    }

    @Override
    public Optional<StaffRecord> record(String staffId) {
        return records.find(staffId);
    }

    @Override
    public long lastPosition(String staffId) {
        return records.lastPosition(staffId);
    }
}
