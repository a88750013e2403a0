package org.irsp.registration.entity;

import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;
import java.time.Instant;

@Entity
@DiscriminatorValue("USER")
public class UserAccount extends Account {

    private String nickname;
    private String contact;
    private boolean searchable;

    protected UserAccount() {}

    public UserAccount(String userId, String passwordHash, Instant createdAt) {
        super(userId, passwordHash, createdAt);
    }

    @Override
    public EntityType type() {
        return EntityType.USER;
    }

    public String nickname() {
        return nickname;
    }

    public void nickname(String nickname) {
        this.nickname = nickname;
    }

    public String contact() {
        return contact;
    }

    public void contact(String contact) {
        this.contact = contact;
    }

    public boolean searchable() {
        return searchable;
    }

    public void searchable(boolean searchable) {
        this.searchable = searchable;
    }
}
