package org.placard.config;

/**
 * A setting that stops start-up. The message is complete on its own (it names the setting, where
 * its value came from and what is wrong), so no stack trace is recorded: it would only hide it.
 */
public class SettingsException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public SettingsException(String message) {
    super(message, null, false, false);
  }
}
