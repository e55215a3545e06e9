package vn.province.govtrack.simulator;

/**
 * One step of seeding the province through the public command API. {@link Simulation#seeders}
 * lists them in the order they run: units, holidays and procedures before anything that refers
 * to them, dossiers last. A new kind of seed data (e.g. staff, issue 4) is one more
 * implementation inserted into that list.
 */
public interface Seeder {

    /** A short name for progress lines, e.g. {@code "units"}. */
    String name();

    void seed(Seeding seeding);
}
