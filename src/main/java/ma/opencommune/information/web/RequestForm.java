package ma.opencommune.information.web;

import ma.opencommune.information.Delivery;
import ma.opencommune.information.InformationRequests;

/** The ATI-2 request form, fields in the order the page shows them (the error summary follows it). */
public class RequestForm {

    private String firstName, lastName, postalAddress, cin, email, subject, description, delivery, urgencyReason;
    private boolean urgent;

    InformationRequests.Filing toFiling() {
        return new InformationRequests.Filing(firstName, lastName, postalAddress, cin, email, subject, description, delivery(delivery), urgent,
                urgencyReason);
    }

    /** A value naming no delivery is no choice: "required". */
    static Delivery delivery(String value) {
        if (value == null) {
            return null;
        }
        for (Delivery d : Delivery.values()) {
            if (d.name().equals(value.strip())) {
                return d;
            }
        }
        return null;
    }

    public String getFirstName() { return firstName; }
    public void setFirstName(String v) { firstName = v; }
    public String getLastName() { return lastName; }
    public void setLastName(String v) { lastName = v; }
    public String getPostalAddress() { return postalAddress; }
    public void setPostalAddress(String v) { postalAddress = v; }
    public String getCin() { return cin; }
    public void setCin(String v) { cin = v; }
    public String getEmail() { return email; }
    public void setEmail(String v) { email = v; }
    public String getSubject() { return subject; }
    public void setSubject(String v) { subject = v; }
    public String getDescription() { return description; }
    public void setDescription(String v) { description = v; }
    public String getDelivery() { return delivery; }
    public void setDelivery(String v) { delivery = v; }
    public boolean isUrgent() { return urgent; }
    public void setUrgent(boolean v) { urgent = v; }
    public String getUrgencyReason() { return urgencyReason; }
    public void setUrgencyReason(String v) { urgencyReason = v; }
}
