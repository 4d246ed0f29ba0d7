"use client";

import { useCanManage } from "@/lib/use-can-manage";
import { ApiKeyCreateForm } from "./api-key-create-form";
import { ApiKeyList } from "./api-key-list";
import { SettingsNav } from "./settings-nav";

/** Organization API keys: created (shown once), listed masked, revoked. Only owners and admins manage them. */
export function ApiKeysPage() {
  const canManage = useCanManage();
  return (
    <>
      <h1>Settings</h1>
      <SettingsNav />
      {canManage ? <ApiKeyCreateForm /> : <p className="muted small" data-testid="admin-only-note">Only owners and admins create and revoke API keys.</p>}
      <ApiKeyList canManage={canManage} />
    </>
  );
}
