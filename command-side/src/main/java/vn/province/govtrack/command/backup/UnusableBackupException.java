package vn.province.govtrack.command.backup;

/** A backup file that cannot be restored: not a backup, cut short, damaged or edited. Nothing was written. */
class UnusableBackupException extends RuntimeException {

    UnusableBackupException(String message) {
        super(message);
    }
}
