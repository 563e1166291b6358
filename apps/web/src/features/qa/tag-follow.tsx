import { useMutation, useQuery } from '@apollo/client/react';
import { FollowTagDocument, TagFollowDocument, UnfollowTagDocument, useCurrentUser } from '@crossroads/web-data-access';
import { FollowButton } from '@crossroads/web-ui';

/** Follow button for the tag the feed is filtered by; nothing for a tag that does not exist. */
export function TagFollow({ name }: { name: string }) {
  const { user } = useCurrentUser();
  const { data } = useQuery(TagFollowDocument, { variables: { name } });
  const [follow] = useMutation(FollowTagDocument);
  const [unfollow] = useMutation(UnfollowTagDocument);
  const tag = data?.tags.edges.find((e) => e.node.name === name)?.node;
  if (!tag) return null;
  return (
    <FollowButton
      following={tag.viewerFollows}
      followerCount={tag.followerCount}
      what={`the tag ${tag.name}`}
      disabledReason={user ? null : 'Sign in to follow tags.'}
      onToggle={(on) => (on ? follow({ variables: { name } }) : unfollow({ variables: { name } }))}
    />
  );
}
