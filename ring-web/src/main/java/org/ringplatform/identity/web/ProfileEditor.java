package org.ringplatform.identity.web;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ringplatform.identity.AccountService;
import org.ringplatform.identity.AuthenticatedUser;
import org.ringplatform.identity.ProfileUpdate;
import org.ringplatform.identity.Role;
import org.ringplatform.identity.UserAccount;
import org.ringplatform.notification.Notices;
import org.ringplatform.notification.Notices.Notice;
import org.ringplatform.platform.RingException;
import org.ringplatform.security.web.Caller;

/**
 * The profile page ({@code /account/profile}): the public profile, the account's email and role,
 * and the latest notices, which opening the page marks read.
 */
@Named
@ViewScoped
public class ProfileEditor implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final int NOTICES = 10;
  private static final Pattern ROLE_IN_PAYLOAD = Pattern.compile("\"role\"\\s*:\\s*\"([a-z]+)\"");

  @Inject private AccountService accounts;
  @Inject private Notices notices;
  @Inject private Caller caller;

  private String email;
  private Role role;
  private String displayName;
  private String username;
  private String avatarUrl;
  private String bio;
  private List<String> skills = new ArrayList<>();
  private List<String> tags = new ArrayList<>();
  private String experienceLevel;
  private List<String> interests = new ArrayList<>();
  private String locale;
  private String location;
  private Double latitude;
  private Double longitude;
  // Shown once and marked read; not kept in the session.
  private transient List<Notice> recentNotices;

  @PostConstruct
  void init() {
    AuthenticatedUser user = caller.require();
    show(accounts.account(user.id()));
    recentNotices = notices.recent(user.id(), NOTICES);
    if (recentNotices.stream().anyMatch(n -> !n.read())) {
      notices.markAllRead(user.id());
    }
  }

  private void show(UserAccount account) {
    email = account.getEmail();
    role = account.getRole();
    displayName = account.getDisplayName();
    username = account.getUsername();
    avatarUrl = account.getAvatarUrl();
    bio = account.getBio();
    skills = new ArrayList<>(account.getSkills());
    tags = new ArrayList<>(account.getTags());
    experienceLevel = account.getExperienceLevel();
    interests = new ArrayList<>(account.getInterests());
    locale = account.getLocale() == null ? "en" : account.getLocale();
    location = account.getLocation();
    latitude = account.getLatitude();
    longitude = account.getLongitude();
  }

  public void save() {
    try {
      UserAccount saved =
          accounts.updateProfile(
              caller.require().id(),
              new ProfileUpdate(
                  displayName,
                  username,
                  avatarUrl,
                  bio,
                  skills,
                  tags,
                  locale,
                  location,
                  latitude,
                  longitude,
                  experienceLevel,
                  interests));
      show(saved);
      PageMessages.info("profile.saved");
    } catch (RingException e) {
      PageMessages.refusal(e, "profile");
    }
  }

  /** The text of a notice in the page's language. */
  public String noticeText(Notice notice) {
    String key = "notice." + notice.type();
    if (!PageMessages.has(key)) {
      return PageMessages.text("notice.other");
    }
    if ("role_changed".equals(notice.type())) {
      Matcher m = ROLE_IN_PAYLOAD.matcher(notice.payload() == null ? "" : notice.payload());
      String roleKey = m.find() ? "role." + m.group(1) : null;
      return PageMessages.text(
          key, roleKey != null && PageMessages.has(roleKey) ? PageMessages.text(roleKey) : "?");
    }
    return PageMessages.text(key);
  }

  public List<String> getLocales() {
    return SignUp.LOCALES;
  }

  public List<Notice> getNotices() {
    return recentNotices == null ? List.of() : recentNotices;
  }

  public String getEmail() {
    return email;
  }

  public Role getRole() {
    return role;
  }

  public String getDisplayName() {
    return displayName;
  }

  public void setDisplayName(String displayName) {
    this.displayName = displayName;
  }

  public String getUsername() {
    return username;
  }

  public void setUsername(String username) {
    this.username = username;
  }

  public String getAvatarUrl() {
    return avatarUrl;
  }

  public void setAvatarUrl(String avatarUrl) {
    this.avatarUrl = avatarUrl;
  }

  public String getBio() {
    return bio;
  }

  public void setBio(String bio) {
    this.bio = bio;
  }

  public List<String> getSkills() {
    return skills;
  }

  public void setSkills(List<String> skills) {
    this.skills = skills == null ? new ArrayList<>() : new ArrayList<>(skills);
  }

  public List<String> getTags() {
    return tags;
  }

  public void setTags(List<String> tags) {
    this.tags = tags == null ? new ArrayList<>() : new ArrayList<>(tags);
  }

  public String getLocale() {
    return locale;
  }

  public void setLocale(String locale) {
    this.locale = locale;
  }

  public String getLocation() {
    return location;
  }

  public void setLocation(String location) {
    this.location = location;
  }

  public Double getLatitude() {
    return latitude;
  }

  public void setLatitude(Double latitude) {
    this.latitude = latitude;
  }

  public Double getLongitude() {
    return longitude;
  }

  public void setLongitude(Double longitude) {
    this.longitude = longitude;
  }

  public String getExperienceLevel() {
    return experienceLevel;
  }

  public void setExperienceLevel(String experienceLevel) {
    this.experienceLevel = experienceLevel;
  }

  public List<String> getInterests() {
    return interests;
  }

  public void setInterests(List<String> interests) {
    this.interests = interests == null ? new ArrayList<>() : new ArrayList<>(interests);
  }
}
