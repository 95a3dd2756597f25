package dev.lbctl.metallb;

/** The names of the admission webhook objects of a CRD release (renamed in v0.13.4 and v0.14.4). */
public record WebhookNames(String service, String certificateSecret, String validatingWebhookConfiguration) {
}
