package ma.opencommune.petitions.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import ma.opencommune.identity.AccountUser;
import ma.opencommune.petitions.AgentPetitions;
import ma.opencommune.petitions.Petition;
import ma.opencommune.petitions.PetitionKind;
import ma.opencommune.petitions.PetitionStatus;
import ma.opencommune.petitions.Petitions;
import ma.opencommune.petitions.Signatures;
import ma.opencommune.platform.NotFoundException;
import ma.opencommune.territory.Collectivity;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The model of a petition's page, for every viewer: the public sees its texts, where it stands and its count, never a
 * signatory (PDP-2); a signed-in person sees whether they may sign or have signed; its agent also sees the draft
 * (private: a 404 for anyone else) and the steps that are theirs to take (PET-3, PET-4).
 */
@Component
class PetitionPage {

    static final String VIEW = "petitions/petition";

    private final Petitions petitions;
    private final Signatures signatures;
    private final AgentPetitions agents;

    PetitionPage(Petitions petitions, Signatures signatures, AgentPetitions agents) {
        this.petitions = petitions;
        this.signatures = signatures;
        this.agents = agents;
    }

    /** The share of the threshold reached, down to a step of 5 % for the bar (no inline style under the CSP). */
    static int percent(long count, int threshold) {
        if (threshold <= 0) {
            return 0;
        }
        int share = (int) Math.min(100, count * 100 / threshold);
        return share - share % 5;
    }

    String fill(Collectivity c, long id, AccountUser user, Model model) {
        Petition p = petitions.find(c, id);
        boolean isAgent = user != null && user.id() == p.agentId();
        boolean draft = p.status() == PetitionStatus.DRAFT;
        if (draft && !isAgent) {
            throw new NotFoundException("petition " + id);
        }
        Petitions.Draft written = isAgent ? agents.written(c, id, user) : null;
        Petitions.Texts texts = written == null ? petitions.publicTexts(c, id)
                : new Petitions.Texts(written.kind(), written.title(), written.object(), written.reasons(), written.requestedAction(),
                        written.lang(), written.associationName());
        long[] counts = petitions.signatures(c, id);
        long total = counts[0] + counts[1];
        boolean signedIn = user != null && user.isEnabled();
        boolean citizens = p.kind() == PetitionKind.CITIZENS;
        model.addAttribute("collectivity", c);
        model.addAttribute("p", p);
        model.addAttribute("texts", texts);
        model.addAttribute("written", written);
        model.addAttribute("online", counts[0]);
        model.addAttribute("paper", counts[1]);
        model.addAttribute("total", total);
        model.addAttribute("percent", percent(total, p.threshold()));
        model.addAttribute("overdue", p.decisionOverdue(petitions.today()));
        model.addAttribute("isAgent", isAgent);
        model.addAttribute("signedIn", signedIn);
        boolean collecting = citizens && p.status().collecting();
        model.addAttribute("collecting", collecting);
        // Only what the viewer may do next is looked up: an anonymous page stays the same for everyone (and cacheable).
        model.addAttribute("verifiedHere", signedIn && collecting && signatures.eligible(c, user));
        model.addAttribute("hasSigned", signedIn && citizens && !draft && signatures.hasSigned(id, user));
        model.addAttribute("documents", isAgent && !citizens ? agents.documents(c, id, user) : List.of());
        model.addAttribute("canEdit", isAgent && draft);
        model.addAttribute("canOpen", isAgent && draft && citizens);
        model.addAttribute("canFile", isAgent && (citizens ? collecting && total >= p.threshold() : draft));
        if (!model.containsAttribute("signForm")) {
            model.addAttribute("signForm", new SignForm());
        }
        return VIEW;
    }

    /**
     * The page again with a refused step said where it was asked for ({@code problemOf}: "sign" or "agent"), in the
     * viewer's language and with what to do next, under the status that says why (403 not eligible, 409 conflict).
     */
    String refused(Collectivity c, long id, AccountUser user, Model model, HttpServletResponse response, int status, String problemOf,
            String messageKey) {
        response.setStatus(status);
        model.addAttribute("problemOf", problemOf);
        model.addAttribute("problem", messageKey);
        return fill(c, id, user, model);
    }

    /** The PET-1 declaration and the opt-in to the petition's news. */
    public static class SignForm {
        private boolean confirmEligibility, keepInformed;

        public boolean isConfirmEligibility() { return confirmEligibility; }
        public void setConfirmEligibility(boolean v) { confirmEligibility = v; }
        public boolean isKeepInformed() { return keepInformed; }
        public void setKeepInformed(boolean v) { keepInformed = v; }
    }
}
