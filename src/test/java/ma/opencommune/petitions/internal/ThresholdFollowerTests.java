package ma.opencommune.petitions.internal;

import static org.assertj.core.api.Assertions.assertThat;

import ma.opencommune.identity.AccountUser;
import ma.opencommune.petitions.PetitionFixtures;
import ma.opencommune.petitions.PetitionStatus;
import ma.opencommune.petitions.Petitions;
import ma.opencommune.support.IntegrationTest;
import ma.opencommune.territory.Collectivity;
import ma.opencommune.territory.Territory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

/** The job marks every collecting petition whose counted signatures reached its threshold, and only those. */
@IntegrationTest
class ThresholdFollowerTests {

    @Autowired
    ThresholdFollower follower;
    @Autowired
    Petitions petitions;
    @Autowired
    Territory territory;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserDetailsService users;

    long opened(Collectivity c, String title, int signatures) {
        AccountUser agent = (AccountUser) users.loadUserByUsername("citizen@opencommune.demo");
        long id = PetitionFixtures.petition(petitions, c, agent, title, true);
        PetitionFixtures.signatures(jdbc, c, id, signatures, "PAPER");
        return id;
    }

    @Test
    void aRoundMarksThePetitionsThatReachedTheirThresholdAndLeavesTheOthers() {
        Collectivity tafraout = territory.require("tafraout");
        int threshold = petitions.rules().threshold(tafraout);
        long reached = opened(tafraout, "Une piste vers le douar", threshold);
        long short1 = opened(tafraout, "Un terrain de sport", threshold - 1);
        follower.followAll();
        assertThat(petitions.find(tafraout, reached).status()).isEqualTo(PetitionStatus.THRESHOLD_REACHED);
        assertThat(petitions.find(tafraout, short1).status()).isEqualTo(PetitionStatus.OPEN);
    }
}
