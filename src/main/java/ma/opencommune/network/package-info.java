/**
 * The network of open collectivities: a live openness index computed from the other modules' figures (four pillars,
 * versioned methodology, monthly snapshots, drill-down to the records behind each number), the exchange of experience
 * between members (good practices, questions, events), and the transparent selection of new cohorts.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Network")
package ma.opencommune.network;
