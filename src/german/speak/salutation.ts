/**
 * "Frau" or "Herr" from a first name, only where the name says it reliably. Names that are given to both
 * (Kim, Robin, Sascha, Kai, Luca, Toni, Uli, Andrea in Italy, …) and names not on these lists have no salutation:
 * a receptionist who is not sure does not guess.
 */
import { fold } from '../understand/normalize.js';

const FEMALE = new Set(
  `agnes alexandra alice alina alma amelie ana angela angelika anja anke anna annabell anne annegret anneliese annette anni antonia astrid barbara
  beate bettina bianca birgit brigitte britta carina carla carlotta carmen carolin caroline charlotte chiara christa christiane christina christine
  clara claudia cornelia corinna dagmar daniela diana doris dorothea edith elena elif elisabeth elke ella ellen elli emilia emily emma erika esther
  eva franziska frieda frida gabi gabriele gerda gisela greta gudrun hanna hannah hannelore heidi heike helena helene helga hildegard ida ilse ina
  inge ingeborg ingrid irene iris isabel isabella jana janina jasmin jessica johanna josefine julia juliane jutta karin karina karla katharina kathrin
  katja katrin kerstin kristina lara laura lea lena leni leonie lina linda lisa lotta lotte luisa luise luna lydia magdalena maja manuela margarete
  margit maria marie marika marion marlene marta martha martina maya melanie merle mia michaela mila mira miriam monika nadine nadja natalie nicole
  nina nora patricia paula petra pia regina renate rosa rosemarie ruth sabine sabrina sandra sara sarah selin silke simone sofia sonja sophia sophie
  stefanie stephanie susanne svenja sybille tanja theresa tina ulla ulrike ursula uta ute vanessa vera verena viktoria yasemin yvonne zoe`.split(/\s+/),
);
const MALE = new Set(
  `adam adrian albert alexander alfred ali amir andreas anton arne arthur axel bastian ben benedikt benjamin bernd bernhard bjoern bruno burak carl
  christian christoph christopher damian daniel david dennis detlef dieter dirk dominik elias emil erik ernst fabian felix finn florian franz frank
  friedrich fritz georg gerhard guenter guenther hans harald heinrich heinz helmut henning henri henrik henry herbert holger horst jakob jan jannik
  jens joachim johannes jonas jonathan josef julian karl karsten kevin klaus konstantin leo leon louis lucas luis lukas manfred manuel marc marcel
  marco marcus mario marius mark markus martin mathias matthias max maximilian michael milan moritz nico niklas nils noah norbert olaf ole oliver
  oskar pascal patrick paul peter philipp rainer ralf ralph reinhard rene robert roland rolf sebastian simon stefan steffen stephan sven theo thomas
  thorsten tim timo tobias tom tommy torsten ulrich uwe valentin volker walter werner wilhelm willi wolfgang yannick`.split(/\s+/),
);

/** "Frau Weber" / "Herr Weber" for "Anna Weber" / "Jonas Weber"; null when the salutation is not certain or there is no surname. */
export function addressByName(fullName: string): string | null {
  const parts = fullName.trim().split(/\s+/);
  if (parts.length < 2) return null;
  const [first, ...rest] = parts;
  const surname = rest.join(' ');
  // "Frau Weber" said by the caller or stored so: the title is theirs.
  if (first === 'Frau' || first === 'Herr') return `${first} ${surname}`;
  const folded = fold(first ?? '');
  if (FEMALE.has(folded)) return `Frau ${surname}`;
  if (MALE.has(folded)) return `Herr ${surname}`;
  return null;
}
