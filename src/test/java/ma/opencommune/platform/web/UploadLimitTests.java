package ma.opencommune.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

/** A file above the servlet's limit sends the person back to the form with a message, never a stack trace. */
class UploadLimitTests {

    @Test
    void aPageFormIsShownAgainWithTheTooLargeMessage() {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/fr/c/taroudant/admin/program/1/commitments/1/progress");
        ModelAndView answer = new UploadLimit().tooLarge(request);
        assertThat(answer.getView()).isInstanceOf(RedirectView.class);
        RedirectView view = (RedirectView) answer.getView();
        assertThat(view.getUrl()).isEqualTo("/fr/c/taroudant/admin/program/1/commitments/1/progress?upload=too-large");
    }

    @Test
    void anApiCallGetsA413() {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/collectivities/taroudant/anything");
        assertThat(new UploadLimit().tooLarge(request).getStatus()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
    }
}
