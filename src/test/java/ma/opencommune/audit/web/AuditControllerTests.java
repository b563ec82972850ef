package ma.opencommune.audit.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.verifyNoMoreInteractions;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.LongStream;
import ma.opencommune.audit.AuditLog;
import ma.opencommune.identity.AccountUser;
import ma.opencommune.identity.Access;
import ma.opencommune.identity.Accounts;
import ma.opencommune.territory.Collectivity;
import ma.opencommune.territory.CollectivityType;
import ma.opencommune.territory.Names;
import ma.opencommune.territory.Territory;
import org.junit.jupiter.api.Test;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.ui.ExtendedModelMap;

/** The log page costs one read of the entries and one batch of names, however many people acted on it. */
class AuditControllerTests {

    final Territory territory = mock(Territory.class);
    final Access access = mock(Access.class);
    final AuditLog log = mock(AuditLog.class);
    final Accounts accounts = mock(Accounts.class);
    final AuditController controller = new AuditController(territory, access, log, accounts);

    final Collectivity taroudant = new Collectivity(7, "taroudant", "T", CollectivityType.COMMUNE, null, null,
            new Names("تارودانت", "Taroudant", "ⵜⴰⵔⵓⴷⴰⵏⵜ", false), null, null, false, "green", null, null, null);
    final AccountUser staff = new AccountUser(1, "staff@taroudant.demo", "Staff", "ar", true, null);

    @Test
    void resolvesTheNamesOfEveryoneOnAFullPageInOneBatch() {
        // Fifty entries by four different accounts and the platform itself.
        List<AuditLog.Entry> entries = LongStream.range(0, AuditLog.PAGE_SIZE)
                .mapToObj(i -> new AuditLog.Entry(1000 - i, Instant.EPOCH, Instant.EPOCH, 7L, i % 5 == 0 ? null : i % 4 + 1,
                        "identity.role-granted", "entry " + i))
                .toList();
        when(territory.require("taroudant")).thenReturn(taroudant);
        when(log.page(7, null, AuditLog.PAGE_SIZE)).thenReturn(new AuditLog.Page(entries, 951L));
        when(accounts.displayNames(Set.of(1L, 2L, 3L, 4L))).thenReturn(Map.of(1L, "Staff", 2L, "Khadija"));
        ExtendedModelMap model = new ExtendedModelMap();

        String view = controller.log("taroudant", staff, null, model);

        assertThat(view).isEqualTo("audit/log");
        verify(log).page(7, null, AuditLog.PAGE_SIZE);
        verify(accounts).displayNames(Set.of(1L, 2L, 3L, 4L));
        verifyNoMoreInteractions(log, accounts);
        assertThat(model.get("collectivity")).isEqualTo(taroudant);
        assertThat(model.get("entries")).isEqualTo(entries);
        assertThat(model.get("olderBefore")).isEqualTo(951L);
        assertThat(model.get("names")).isEqualTo(Map.of(1L, "Staff", 2L, "Khadija"));
    }

    @Test
    void refusesOtherCollectivitiesStaffBeforeReadingAnything() {
        when(territory.require("taroudant")).thenReturn(taroudant);
        doThrow(new AccessDeniedException("not staff")).when(access).requireStaff(staff, taroudant);

        assertThatThrownBy(() -> controller.log("taroudant", staff, null, new ExtendedModelMap()))
                .isInstanceOf(AccessDeniedException.class);
        verifyNoInteractions(log, accounts);
    }
}
