package ma.opencommune.council;

import ma.opencommune.petitions.Petition;
import ma.opencommune.petitions.PetitionEvents;
import ma.opencommune.petitions.Petitions;
import ma.opencommune.territory.Territory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * PET-6: a petition the bureau accepts goes on the agenda of the council's ordinary session of its month, or waits for
 * that session to be created. Reads the petition through the petitions façade; delivered at least once by Modulith's
 * registry, and placing it twice adds nothing.
 */
@Component
class CouncilPetitionListener {

    private final Petitions petitions;
    private final Territory territory;
    private final CouncilSessions sessions;

    CouncilPetitionListener(Petitions petitions, Territory territory, CouncilSessions sessions) {
        this.petitions = petitions;
        this.territory = territory;
        this.sessions = sessions;
    }

    @ApplicationModuleListener
    void on(PetitionEvents.PetitionStepped event) {
        if (event.step() != PetitionEvents.Step.ACCEPTED || event.collectivityId() == null) {
            return;
        }
        territory.find(event.collectivityId()).ifPresent(c -> {
            Petition p = petitions.find(c, event.petitionId());
            if (p.sessionOn() != null) {
                Petitions.Texts texts = petitions.publicTexts(c, p.id());
                sessions.placeAcceptedPetition(c.id(), p.id(), texts.title(), texts.lang(), p.sessionOn());
            }
        });
    }
}
