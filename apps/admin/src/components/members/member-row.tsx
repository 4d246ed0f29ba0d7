"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { ConfirmDelete } from "@/components/confirm-delete";
import { errorMessage } from "@/lib/errors";
import { formatDateTime } from "@/lib/format";
import { useTRPC, type RouterOutputs } from "@/lib/trpc";

type Member = RouterOutputs["members"]["list"]["members"][number];
const ROLES = ["member", "admin", "owner"] as const;
const isRole = (value: string): value is (typeof ROLES)[number] => (ROLES as readonly string[]).includes(value);

/** One member; owners and admins change the role (saved on change) or remove them. The API keeps the last owner. */
export function MemberRow({ member, canManage }: { member: Member; canManage: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.members.list.queryKey() });
  const updateRole = useMutation(trpc.members.updateRole.mutationOptions({ onSettled: refresh }));
  const remove = useMutation(trpc.members.remove.mutationOptions({ onSuccess: refresh }));

  return (
    <tr data-testid="member" data-role={member.role}>
      <td>{member.name}</td>
      <td>{member.email}</td>
      <td>
        {canManage ? (
          <select
            aria-label={`Role of ${member.email}`}
            value={updateRole.isPending ? updateRole.variables.role : member.role}
            disabled={updateRole.isPending}
            onChange={(event) => {
              const role = event.target.value;
              if (isRole(role)) updateRole.mutate({ memberId: member.id, role });
            }}
            style={{ width: "auto" }}
          >
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {role}
              </option>
            ))}
          </select>
        ) : (
          member.role
        )}
        {updateRole.error && (
          <p className="error small" role="alert">
            {errorMessage(updateRole.error)}
          </p>
        )}
      </td>
      <td className="small">{formatDateTime(member.joinedAt)}</td>
      {canManage && (
        <td>
          <ConfirmDelete
            label="Remove"
            title={`Remove ${member.name || member.email}?`}
            consequences={`${member.email} loses access to this organization at once. Their account stays; invite them again to bring them back.`}
            onConfirm={() => remove.mutateAsync({ memberId: member.id })}
          />
        </td>
      )}
    </tr>
  );
}
