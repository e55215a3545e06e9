package vn.province.govtrack.kernel.dossier;

/** How a fee or obligation was paid: through the national portal's payment platform, or at the desk. */
public enum PaymentChannel {
    ONLINE, AT_DESK
}
