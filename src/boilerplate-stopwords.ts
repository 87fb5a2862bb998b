/**
 * Function words of the languages news pages are most often written in. Running prose is dense in
 * them whatever the language, menus and teaser titles are not (jusText, Pomikálek 2011). They only
 * ever add evidence for prose: a line in a language missing here is judged by length and
 * punctuation alone, never counted against.
 *
 * Sources: the short stopword lists of the Snowball project (snowballstem.org) for each language,
 * cut to the most frequent words.
 */
const LISTS: readonly string[] = [
  // English
  'a about after against all also an and any are as at be because been before being between both but by can could did do does during each few for from had has have he her here him his how i if in into is it its just may me more most my no nor not of off on once only or other our out over own same she should so some such than that the their them then there these they this those through to too under until up very was we were what when where which while who whom why will with would you your said says',
  // Spanish
  'el la los las un una unos unas y o pero si no que de del al en con por para sin sobre entre como más muy ya también es son fue ser está están ha han hay se su sus lo le les me mi nos este esta estos estas ese esa cuando donde quien porque',
  // French
  'le la les un une des et ou mais si ne pas que qui de du au aux en dans par pour sur avec sans comme plus très aussi est sont été être a ont il elle ils elles on nous vous se sa son ses leur leurs ce cette ces dont où',
  // German
  'der die das den dem des ein eine einer eines einem einen und oder aber wenn nicht kein keine dass zu von mit auf für in im an am aus bei nach über unter vor durch ist sind war waren hat haben wird werden sich sie er es wir ihr auch noch nur wie als so',
  // Italian
  'il lo la i gli le un uno una e o ma se non che di del della dei delle al alla in nel nella con per su tra fra come più anche è sono era stato ha hanno si suo sua suoi questo questa quello quella dove quando perché',
  // Portuguese
  'o a os as um uma e ou mas se não que de do da dos das em no na nos nas com por para sem como mais muito também é são foi ser está estão tem têm há seu sua seus este esta isso ele ela eles quando onde',
  // Dutch
  'de het een en of maar als niet dat die van in op te met voor aan bij door naar over uit is zijn was waren heeft hebben wordt worden ze hij zij wij ook nog er dit deze',
  // Indonesian and Malay
  'yang dan di ke dari dengan untuk pada dalam ini itu adalah akan tidak juga atau oleh karena sebagai bahwa ada telah sudah bisa dapat mereka kita kami ia dia saat lebih',
  // Russian
  'и в во не что он на я с со как а то все она так его но да ты к у же вы за бы по только ее мне было вот от меня еще нет о из ему теперь когда даже ну ли если уже или ни быть был него до вас нибудь опять уж вам ведь там потом себя ничего ей может они тут где есть надо ней для мы тебя их чем была сам чтоб без будто чего раз тоже себе под будет ж тогда кто этот того потому этого какой совсем ним здесь этом один почти мой тем чтобы нее были куда зачем всех никогда можно при наконец два об другой хоть после над больше тот через эти нас про всего них какая много разве три эту моя впрочем хорошо свою этой перед иногда лучше чуть том нельзя такой им более всегда конечно всю между это',
  // Turkish
  've bir bu da de için ile olarak çok daha gibi ama ki ne en olan var yok değil sonra kadar',
];

/** All the function words, lower case. */
export const STOPWORDS: ReadonlySet<string> = new Set(LISTS.flatMap((list) => list.split(' ')));
