package ma.opencommune.platform.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ma.opencommune.platform.TooManyRequests;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** A rate limit's refusal on the API: 429 problem details in the caller's language, with Retry-After. */
class TooManyRequestsTests {

    @RestController
    static class Limited {
        @GetMapping("/api/v1/limited")
        String limited() {
            throw new TooManyRequests(42);
        }
    }

    @Test
    void theApiAnswers429WithRetryAfterAndATitleInTheCallersLanguage() throws Exception {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages/messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        MockMvc mvc = MockMvcBuilders.standaloneSetup(new Limited()).setControllerAdvice(new ApiErrors(messages)).build();
        mvc.perform(get("/api/v1/limited").header("Accept-Language", "fr"))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", "42"))
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.status").value(429))
                .andExpect(jsonPath("$.title").value(org.hamcrest.Matchers.not(org.hamcrest.Matchers.startsWith("Too Many"))));
    }
}
