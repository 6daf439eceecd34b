package dev.depot.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A row of {@code depot_user}: a user who may connect, with a slow salted hash of the password. */
@Entity
@Table(name = "depot_user")
public class UserEntity {

    @Id
    private String name;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Column(name = "created_at", nullable = false, insertable = false, updatable = false)
    private Instant createdAt;

    protected UserEntity() {
    }

    UserEntity(String name, String passwordHash) {
        this.name = name;
        this.passwordHash = passwordHash;
    }

    public String name() {
        return name;
    }

    String passwordHash() {
        return passwordHash;
    }

    void setPasswordHash(String value) {
        this.passwordHash = value;
    }
}
