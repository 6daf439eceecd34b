package dev.depot.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.util.concurrent.ConcurrentHashMap;
import org.hibernate.StatelessSession;

/** The users that may connect, kept by an administrator; passwords only as slow salted hashes. */
public final class Users {

    private final DepotStore store;
    /** Stored hash to the digest of the password that matched it. */
    private final ConcurrentHashMap<String, byte[]> matched = new ConcurrentHashMap<>();

    Users(DepotStore store) {
        this.store = store;
    }

    /** Creates a user, or sets a new password for an existing one. */
    public void save(Connection connection, String name, String password) {
        if (name == null || name.isBlank()) {
            throw new StoreException(StoreException.Kind.INVALID_INPUT, "A user name must not be empty");
        }
        if (password == null || password.isEmpty()) {
            throw new StoreException(StoreException.Kind.INVALID_INPUT, "User " + name + " needs a non-empty password");
        }
        String hash = PasswordHash.hash(password);
        try (StatelessSession session = store.openSession(connection)) {
            UserEntity existing = session.get(UserEntity.class, name);
            if (existing == null) {
                session.insert(new UserEntity(name, hash));
            } else {
                existing.setPasswordHash(hash);
                session.update(existing);
            }
        } catch (org.hibernate.JDBCException e) {
            throw store.failure("save user " + name, e.getSQLException());
        }
    }

    /** @return whether there was such a user */
    public boolean delete(Connection connection, String name) {
        try (StatelessSession session = store.openSession(connection)) {
            return session.createMutationQuery("delete from UserEntity where name = :name")
                    .setParameter("name", name).executeUpdate() == 1;
        } catch (org.hibernate.JDBCException e) {
            throw store.failure("delete user " + name, e.getSQLException());
        }
    }

    /**
     * Whether the name and password are those of a user; an unknown user is simply not one. The
     * hash is slow on purpose, so a match is remembered against the stored hash (as a digest of the
     * password, never the password): the stored hash is read every time, so a changed password or
     * a deleted user takes effect at once, in every JVM.
     */
    public boolean verify(Connection connection, String name, String password) {
        if (name == null || password == null) {
            return false;
        }
        UserEntity user;
        try (StatelessSession session = store.openSession(connection)) {
            user = session.get(UserEntity.class, name);
        } catch (org.hibernate.JDBCException e) {
            throw store.failure("check the credentials of " + name, e.getSQLException());
        }
        if (user == null) {
            return false;
        }
        byte[] digest = digest(password);
        byte[] known = matched.get(user.passwordHash());
        if (known != null && MessageDigest.isEqual(known, digest)) {
            return true;
        }
        if (!PasswordHash.matches(password, user.passwordHash())) {
            return false;
        }
        if (matched.size() > 1_000) {
            matched.clear();
        }
        matched.put(user.passwordHash(), digest);
        return true;
    }

    private static byte[] digest(String password) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(password.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
