/** Territorial collectivities (regions, provinces, prefectures, communes), the network's membership and the consultative bodies. */
@org.springframework.modulith.ApplicationModule(displayName = "Territory")
package ma.opencommune.territory;
