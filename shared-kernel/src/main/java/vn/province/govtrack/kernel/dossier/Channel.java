package vn.province.govtrack.kernel.dossier;

/** How a dossier reached the one-stop desk. */
public enum Channel {
    IN_PERSON, ONLINE, POSTAL
}
