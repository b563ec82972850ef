package ma.opencommune.information;

/** How the requester wants the information (ATI-2). */
public enum Delivery {
    EMAIL, POSTAL, PICKUP
}
