package dev.depot.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class UsersTest extends StoreTestSupport {

    private boolean verify(String name, String password) {
        return StoreTestSupport.<Boolean>tx(c -> store.users().verify(c, name, password));
    }

    @Test
    void aUserIsKnownByItsPasswordWhichIsNeverStoredInClear() throws Exception {
        tx(c -> {
            store.users().save(c, "alice", "correct horse");
            return null;
        });

        assertThat(verify("alice", "correct horse")).isTrue();
        assertThat(verify("alice", "wrong")).isFalse();
        assertThat(verify("bob", "correct horse")).isFalse();
        assertThat(verify(null, null)).isFalse();
        String stored = tx(c -> {
            var rs = c.createStatement().executeQuery("select password_hash from " + schema + ".depot_user");
            rs.next();
            return rs.getString(1);
        });
        assertThat(stored).startsWith("pbkdf2-sha256$").doesNotContain("correct horse");
    }

    @Test
    void twoUsersWithOnePasswordHaveDifferentHashesAndAPasswordCanChange() {
        tx(c -> {
            store.users().save(c, "a", "same");
            store.users().save(c, "b", "same");
            return null;
        });
        assertThat(count("select count(distinct password_hash) from " + schema + ".depot_user")).isEqualTo(2);

        tx(c -> {
            store.users().save(c, "a", "changed");
            return null;
        });
        assertThat(verify("a", "same")).isFalse();
        assertThat(verify("a", "changed")).isTrue();
        assertThat(StoreTestSupport.<Boolean>tx(c -> store.users().delete(c, "a"))).isTrue();
        assertThat(verify("a", "changed")).isFalse();
    }

    @Test
    void emptyNamesAndPasswordsAreRefused() {
        assertThatThrownBy(() -> tx(c -> {
            store.users().save(c, " ", "x");
            return null;
        })).isInstanceOf(StoreException.class).hasMessageContaining("user name");
        assertThatThrownBy(() -> tx(c -> {
            store.users().save(c, "carol", "");
            return null;
        })).isInstanceOf(StoreException.class).hasMessageContaining("password");
        assertThat(count("select count(*) from " + schema + ".depot_user")).isZero();
    }
}
